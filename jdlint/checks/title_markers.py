"""Gendered job titles told by an inclusive marker (JD201 in languages with grammatical gender, e.g. German).

Where a job noun has a masculine and a feminine form ("Verkäufer", "Verkäuferin"), the convention is not a
neutral word but a marker in the title ("(m/w/d)", "Verkäufer*in") or a noun without gender ("Fachkraft").
So the title alone is read: the front-matter title, the first heading, else the first line. A word of it is a
job noun by its morphology, proved by the language's word list: a masculine form whose feminine form is a
word ("Entwickler" -> "Entwicklerin", also as the tail of a compound: "Softwareentwickler"), a feminine form
whose masculine stem is one, or a -mann/-frau pair ("Kaufmann", "Kauffrau"). English loans ("Engineer") and
surnames ("Neumann") have no such pair and are left alone. A title with any marker passes; an outdated
binary marker ("(m/w)") is reported itself. The patterns, suffixes and pairs are the rule's language data.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import Any

from ..context import Context
from ..model import Match

_WORD = re.compile(r"[^\W\d_]+")
_LINE = re.compile(r"[^\n]*\S[^\n]*")
MIN_TAIL = 4  # the shortest compound tail tried as a job noun ("Koch" is matched whole, not as a tail)


@functools.lru_cache(maxsize=8)
def _compiled(patterns: tuple[str, ...]) -> re.Pattern[str]:
    """Case matters in some markers ("VerkäuferInnen"): a pattern asks for case-insensitivity with (?i:...)."""
    return re.compile("|".join(f"(?:{p})" for p in patterns))


SHORT_TITLE = 12  # words: a longer first line is a sentence, not a title


def _metadata_title(context: Context, keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = context.document.metadata.get(key)
        if isinstance(value, str) and value.strip():
            return value
    return None


def title_spans(context: Context, keys: tuple[str, ...] = ("title",)) -> list[tuple[int, int]]:
    """The posting's title lines in extracted-text offsets: the front-matter (or record) title when the text holds
    it, and the first block when it is a heading or a short line ("Aufgaben" after an opening paragraph is a
    section heading, not the title)."""
    document = context.document
    text, title = document.text, _metadata_title(context, keys)
    spans: list[tuple[int, int]] = []
    segments = [s for s in document.segments if s.scope != "metadata"]
    for segment in document.segments:
        if segment.scope == "metadata" and isinstance(title, str) and text[segment.start : segment.end] == title:
            spans.append((segment.start, segment.end))
            break
    if segments:
        first = segments[0]
        line = _LINE.search(text, first.start, first.end)
        if line and (first.scope == "heading" or _is_short(line.group())):
            spans.append((line.start(), line.end()))
    return spans


def _is_short(line: str) -> bool:
    return len(_WORD.findall(line)) <= SHORT_TITLE and not line.rstrip().endswith((".", "!", "?", ":"))


def outside_title(context: Context, keys: tuple[str, ...] = ("title",)) -> str | None:
    """A record's title that the text does not hold (an ATS export's title field)."""
    title = _metadata_title(context, keys)
    if title is None:
        return None
    if any(s.scope == "metadata" for s in context.document.segments):
        return None
    return title


class _Nouns:
    """Tells the gendered job nouns of a language from its word list and the rule's morphology data."""

    def __init__(self, context: Context, settings: dict[str, Any]) -> None:
        self.known = context.language.frequency
        self.floor = float(settings.get("min_zipf", 1.0))
        self.feminine = str(settings["feminine_suffix"])  # "in"
        self.agentive = tuple(settings["agentive_suffixes"])  # masculine endings that take the feminine suffix
        self.swaps = {str(k): str(v) for k, v in settings.get("feminine_swaps", {}).items()}  # "e" -> "" (Kollege)
        self.pairs = {str(k): str(v) for k, v in settings["pairs"].items()}  # "mann" -> "frau"
        self.not_jobs = frozenset(w.lower() for w in settings.get("not_jobs", ()))

    def _is(self, word: str) -> bool:
        return self.known(word) >= self.floor

    def _feminine_of(self, masculine: str) -> str | None:
        for ending, replacement in self.swaps.items():
            if masculine.endswith(ending):
                return masculine[: len(masculine) - len(ending)] + replacement + self.feminine
        if masculine.endswith(self.agentive):
            return masculine + self.feminine
        return None

    def gender(self, word: str) -> str | None:
        """'m' or 'f' for a gendered job noun, else None; a compound is read by its tail."""
        lower = word.lower()
        if lower in self.not_jobs or not word[:1].isupper():
            return None
        for start in range(0, max(1, len(lower) - MIN_TAIL + 1)):
            tail = lower[start:]
            if start and len(tail) < MIN_TAIL:
                break
            found = self._tail_gender(tail, whole=start == 0)
            if found:
                return found
        return None

    def _tail_gender(self, tail: str, whole: bool) -> str | None:
        for masculine, feminine in self.pairs.items():
            if tail.endswith(masculine) and len(tail) > len(masculine):
                stem = tail[: -len(masculine)]
                if self._is(stem + feminine) and (whole or self._is(tail)):
                    return "m"
            if tail.endswith(feminine) and len(tail) > len(feminine):
                stem = tail[: -len(feminine)]
                if self._is(stem + masculine):
                    return "f"
        if tail.endswith(self.feminine):
            stem = tail[: -len(self.feminine)]
            if any(self._feminine_of(m) == tail and self._is(m) for m in self._masculine_candidates(stem)):
                return "f"
        formed = self._feminine_of(tail)
        if formed and self._is(formed):
            return "m"
        return None

    def _masculine_candidates(self, stem: str) -> Iterator[str]:
        yield stem
        for ending, replacement in self.swaps.items():
            if replacement and stem.endswith(replacement):
                yield stem[: len(stem) - len(replacement)] + ending
            elif not replacement:
                yield stem + ending


def marked_titles(context: Context, settings: dict[str, Any]) -> Iterator[Match]:
    """JD201 by marker: each gendered job noun of an unmarked title, or the outdated marker of a title."""
    text = context.document.text
    markers = _compiled(tuple(settings["markers"]))
    outdated = _compiled(tuple(settings["outdated_markers"]))
    neutral = _compiled(tuple(settings["neutral"])) if settings.get("neutral") else None
    company = _compiled(tuple(settings["company"])) if settings.get("company") else None
    keys = tuple(settings.get("title_keys", ("title",)))
    spans = title_spans(context, keys)
    if any(markers.search(text, start, end) for start, end in spans):
        return
    suggestion = str(settings["suggestion"])
    nouns = _Nouns(context, settings)
    elsewhere = outside_title(context, keys)
    if elsewhere is not None:
        if markers.search(elsewhere):
            return
        spans.extend(_named_in_text(elsewhere, text, nouns))
    for start, end in spans:
        old = outdated.search(text, start, end)
        if old:
            yield Match.at(
                old.start(),
                old.end(),
                suggestions=(suggestion,),
                replacement=suggestion,
                params={"problem": str(settings["outdated_problem"]), "suggestion": suggestion},
            )
            continue
        for word in _WORD.finditer(text, start, end):
            gender = nouns.gender(word.group())
            if gender is None:
                continue
            if neutral and gender == "m" and _after_neutral(neutral, text, start, word.start()):
                continue
            if company and company.match(text, word.end(), end):
                continue  # "Müller GmbH": a company named after a person
            written = word.group()
            yield Match.at(
                word.start(),
                word.end(),
                suggestions=(f"{written} {suggestion}",),
                replacement=f"{written} {suggestion}",
                params={
                    "problem": str(settings["problem"][gender]),
                    "suggestion": f"{written} {suggestion}' or a neutral noun such as '{settings['neutral_example']}",
                },
            )
            break  # one finding per title line: the marker belongs to the whole title


def _named_in_text(title: str, text: str, nouns: _Nouns) -> list[tuple[int, int]]:
    """Where the text first names the gendered noun of a title it does not hold: the finding's place."""
    for word in _WORD.finditer(title):
        if nouns.gender(word.group()):
            found = re.search(rf"\b{re.escape(word.group())}\b", text)
            return [(found.start(), found.end())] if found else []
    return []


def _after_neutral(neutral: re.Pattern[str], text: str, start: int, at: int) -> bool:
    """A masculine noun after a neutral head ("Leitung der Einkäufer"): the job is the neutral noun."""
    return bool(neutral.search(text, start, at))
