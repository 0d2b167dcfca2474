"""Ableist idioms (JD313): disability used as a figure of speech or as a label ("crazy", "tone-deaf",
"confined to a wheelchair", "suffers from epilepsy"), and the data table behind it and JD312.

Phrases are matched as regular expressions over the extracted text, not as tokens: a slash, a hyphen, a
bracket, glued punctuation, capitals or a plural ending must never decide whether a phrase is seen.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import tomli

from ..analyses.scan import Lazy, Substrings, aligned, finditer_from
from ..context import Context
from ..model import Match, Severity
from ..resources import data_path
from ..rule import Rule
from . import check

TABLE = "ableist-language.toml"
LETTER = r"[^\W\d_]"
# between two words of a phrase: spaces, line breaks, any hyphen or dash, a slash, or nothing at a hyphen
GAP = r"[\s\u00a0\u00ad\-\u2010\u2011\u2012\u2013/]"
WORDS = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")


@lru_cache(maxsize=1)
def table() -> dict[str, Any]:
    """The ableist-language table (data/ableist-language.toml): the DOL verb list and our idiom list."""
    return tomli.loads(data_path("data").joinpath(TABLE).read_text(encoding="utf-8"))


def phrase_pattern(phrase: str) -> str:
    """A phrase as a regex: any capitalisation (the caller compiles with re.I), flexible gaps, a plural."""
    words = re.split(r"([ \-])", phrase)
    out = []
    for piece in words:
        if piece == " ":
            out.append(GAP + "+")
        elif piece == "-":
            out.append(GAP + "*")
        elif piece:
            out.append(re.escape(piece).replace("'", "['’]"))
    last = words[-1]
    if last.endswith("y") and len(last) > 3:
        out[-1] = re.escape(last[:-1]) + "(?:y|ies)"
    elif last[-1:].isalpha():
        out[-1] += "(?:s|es)?"
    # a word joined to the next by a hyphen is the first part of a compound ("psycho-pedagogical")
    return rf"(?<!{LETTER})" + "".join(out) + rf"(?!{LETTER})(?![-\u2010\u2011]{LETTER})"


@dataclass(frozen=True)
class Idiom:
    pattern: Lazy  # compiled when a posting holds one of its needles: most idioms never are in a batch's worker
    suggestions: tuple[str, ...]
    severity: Severity
    after: frozenset[str]
    just_after: frozenset[str]
    just_before: frozenset[str]
    not_after: frozenset[str]
    not_before: frozenset[str]
    needles: frozenset[str]  # one lower-cased word of each phrase: an idiom none of whose words occur is skipped
    spelled: tuple[frozenset[str], ...]  # each phrase's words (the last one's stem): all occur where it matches


def idioms() -> list[Idiom]:
    out = []
    for entry in table()["idiom"]:
        alternation = "|".join(phrase_pattern(p) for p in sorted(entry["phrases"], key=len, reverse=True))
        words = {key: frozenset(entry.get(key, ())) for key in ("after", "just_after", "just_before", "not_after")}
        out.append(
            Idiom(
                Lazy(alternation, re.I),
                tuple(entry["suggestions"]),
                Severity(entry["severity"]),
                words["after"],
                words["just_after"],
                words["just_before"],
                words["not_after"],
                frozenset(entry.get("not_before", ())),
                frozenset(_needle(phrase) for phrase in entry["phrases"]),
                tuple(_spelled(phrase) for phrase in entry["phrases"]),
            )
        )
    return out


def _needle(phrase: str) -> str:
    """The phrase's first word without a plural or possessive ending: every match spells it, in some case."""
    first = re.split(r"[ \-'’]", phrase)[0].lower()  # an apostrophe may be written straight or curly
    return first.rstrip("s").rstrip("y") or first


def _spelled(phrase: str) -> frozenset[str]:
    """The lower-case strings every match of the phrase spells: its words, split at apostrophes (either may be
    written), the last one without the ending phrase_pattern lets vary ("crazy" -> "craz")."""
    words = re.split(r"[ \-]", phrase.lower())
    if words[-1].endswith("y") and len(words[-1]) > 3:
        words[-1] = words[-1][:-1]
    return frozenset(part for word in words for part in re.split(r"['’]", word) if part)


_COMPILED: set[int] = set()  # the idioms (by id) whose pattern this process has compiled


def _may_match(idiom: Idiom, lower: str, exact: bool, present: set[str] | None) -> bool:
    """False when the idiom cannot match: none of its needles occurs (`present`: the idioms' needles `lower` holds,
    None to look in it), or (in a text whose lower-cased form spells a word where a match does) no phrase has all
    its words there. Its pattern is compiled only when this holds; once it is, a search where its needles begin
    costs less than looking for every phrase's words."""
    if present is None:
        if not any(needle in lower for needle in idiom.needles):
            return False
    elif present.isdisjoint(idiom.needles):
        return False
    if not exact or id(idiom) in _COMPILED:
        return True
    if any(all(word in lower for word in words) for words in idiom.spelled):
        _COMPILED.add(id(idiom))
        return True
    return False


def _words(text: str) -> list[str]:
    return [w.lower() for w in WORDS.findall(text)]


def _fires(idiom: Idiom, text: str, start: int, end: int) -> bool:
    after = _words(text[end : end + 60])
    before = _words(text[max(0, start - 40) : start])
    if idiom.after and not idiom.after & set(after[:4]):
        return False
    if idiom.just_after and not (after and after[0] in idiom.just_after):
        return False
    if idiom.just_before and not (before and before[-1] in idiom.just_before):
        return False
    if idiom.not_after and after and after[0] in idiom.not_after:
        return False
    return not idiom.not_before & set(before[-3:])


def _matches(idiom: Idiom, text: str, lower: str, exact: bool) -> Iterator[re.Match[str]]:
    """idiom.pattern.finditer(text), tried only where a needle starts when `exact` (needles.aligned): every match
    begins with one (the needle is its first word's stem)."""
    return finditer_from(idiom.pattern, text, lower, idiom.needles) if exact else idiom.pattern.finditer(text)


@check(needs=("sentences",))
def ableist_idiom(context: Context, rule: Rule) -> Iterator[Match]:
    compiled = context.compiled((rule.code, "idioms"), idioms)
    text = context.document.text
    taken: list[tuple[int, int]] = []
    found = []
    lower = context.lowered_text
    exact = aligned(text, lower)
    needles = context.compiled((rule.code, "idiom-needles"), lambda: Substrings(n for i in compiled for n in i.needles))
    present = needles.found_in(lower)
    for idiom in compiled:
        if not _may_match(idiom, lower, exact, present):
            continue
        for match in _matches(idiom, text, lower, exact):
            if _fires(idiom, text, match.start(), match.end()):
                found.append((match.start(), match.end(), idiom))
    starts = set(context.sentence_starts())
    for start, end, idiom in sorted(found, key=lambda f: (f[0], -(f[1] - f[0]))):
        if any(s < end and start < e for s, e in taken):
            continue
        taken.append((start, end))
        severity = idiom.severity
        if text[start].isupper() and start not in starts and not text[start:end].isupper():
            severity = Severity.INFO  # capitalised inside a sentence: maybe a name ("Crazy Egg")
        yield Match.at(
            start,
            end,
            suggestions=idiom.suggestions,
            severity=severity,
            params={"suggestion": "' or '".join(idiom.suggestions[:2])},
        )
